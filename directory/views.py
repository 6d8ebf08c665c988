from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .models import Profile


@login_required
def profile_edit(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("directory:profile_edit")
        return render(request, "directory/profile_form.html", {"form": form}, status=400)
    return render(request, "directory/profile_form.html", {"form": form})
