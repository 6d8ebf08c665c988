from django.urls import path

from . import views
from .feeds import LatestCasussenFeed

app_name = "casussen"

urlpatterns = [
    path("", views.casus_list, name="list"),
    path("onbeantwoord/", views.unanswered, name="unanswered"),
    path("mijn/", views.mine, name="mine"),
    path("gevolgd/", views.followed, name="followed"),
    path("vragen/", views.ask, name="ask"),
    path("feed/", LatestCasussenFeed(), name="feed"),
    path("experts/", views.expert_ranking, name="expert_ranking"),
    path("tag/<slug:slug>/", views.by_tag, name="by_tag"),
    path("tag/<slug:slug>/volgen/", views.follow_tag, name="follow_tag"),
    path("tag/<slug:slug>/ontvolgen/", views.unfollow_tag, name="unfollow_tag"),
    path("organisatie/<slug:slug>/", views.by_organisation, name="by_organisation"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/bewerken/", views.edit, name="edit"),
    path("<slug:slug>/geschiedenis/", views.history, name="history"),
    path("<slug:slug>/verwijderen/", views.delete, name="delete"),
    path("<slug:slug>/antwoorden/", views.answer_create, name="answer"),
    path("<slug:slug>/reageren/", views.comment_create, name="comment"),
    path("<slug:slug>/oppakken/", views.claim, name="claim"),
    path("<slug:slug>/toewijzen/", views.assign, name="assign"),
    path("<slug:slug>/afronden/", views.resolve, name="resolve"),
    path("<slug:slug>/sluiten/", views.close, name="close"),
    path("<slug:slug>/heropenen/", views.reopen, name="reopen"),
    path("<slug:slug>/toestemming-lessen/", views.lessons_consent, name="lessons_consent"),
    path("<slug:slug>/volgen/", views.follow_casus, name="follow"),
    path("<slug:slug>/ontvolgen/", views.unfollow_casus, name="unfollow"),
    path("<slug:slug>/antwoord/<int:answer_id>/reageren/", views.comment_create, name="answer_comment"),
    path("<slug:slug>/antwoord/<int:answer_id>/stemmen/", views.vote, name="vote"),
    path("<slug:slug>/antwoord/<int:answer_id>/accepteren/", views.accept, name="accept"),
    path("<slug:slug>/antwoord/<int:answer_id>/bewerken/", views.answer_edit, name="answer_edit"),
    path("<slug:slug>/antwoord/<int:answer_id>/geschiedenis/", views.answer_history, name="answer_history"),
    path("<slug:slug>/antwoord/<int:answer_id>/verwijderen/", views.answer_delete, name="answer_delete"),
    path("<slug:slug>/reactie/<int:comment_id>/verwijderen/", views.comment_delete, name="comment_delete"),
]
