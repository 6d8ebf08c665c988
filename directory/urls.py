from django.urls import path

from . import account_views, expert_views, proposal_views, views

app_name = "directory"

urlpatterns = [
    path("account/profiel/", views.profile_edit, name="profile_edit"),
    path("account/gegevens/", account_views.account_export, name="account_export"),
    path("account/verwijderen/", account_views.account_delete, name="account_delete"),
    path("account/expert-worden/", expert_views.expert_apply, name="expert_apply"),
    path("curatoren/aanvragen/", expert_views.application_queue, name="application_queue"),
    path("curatoren/aanvragen/<int:pk>/besluiten/", expert_views.decide_application, name="decide_application"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/voorstellen/", proposal_views.propose_organisation, name="propose_organisation"),
    path("curatoren/organisaties/", proposal_views.proposal_queue, name="proposal_queue"),
    path("curatoren/organisaties/<int:pk>/besluiten/", proposal_views.decide_proposal, name="decide_proposal"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("initiatieven/", views.initiative_list, name="initiative_list"),
    path("initiatieven/<slug:slug>/", views.initiative_detail, name="initiative_detail"),
    path("experts/", views.expert_list, name="expert_list"),
    path("experts/<int:pk>/", views.expert_by_id, name="expert_by_id"),  # the old address: 301 to the slug
    path("experts/<slug:slug>/", views.expert_detail, name="expert_detail"),
    path("open-data/organisaties.json", views.organisations_json, name="organisations_json"),
    path("open-data/organisaties.csv", views.organisations_csv, name="organisations_csv"),
    path("open-data/initiatieven.json", views.initiatives_json, name="initiatives_json"),
    path("open-data/initiatieven.csv", views.initiatives_csv, name="initiatives_csv"),
]
