from oauth2_provider.oauth2_validators import OAuth2Validator

UNVERIFIED_GROUP = "email-unverified"


class Validator(OAuth2Validator):
    """The claims an organisation's provider gives: name and e-mail, and whether it verified the address
    (members of the group `email-unverified` get email_verified false)."""

    def get_additional_claims(self, request):
        user = request.user
        return {
            "name": user.get_full_name(),
            "given_name": user.first_name,
            "family_name": user.last_name,
            "preferred_username": user.username,
            "email": user.email,
            "email_verified": not user.groups.filter(name=UNVERIFIED_GROUP).exists(),
        }
