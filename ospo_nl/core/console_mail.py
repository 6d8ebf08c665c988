"""The development mail backend (settings: the default with DEBUG=1): Django's console backend, readable.

Django's console backend prints each message as it would go over the wire, so the plain-text part arrives
quoted-printable: a soft line break (`=` at the end of a line) in the middle of the verification link and `=3D`
for every `=`, and the link copied from the terminal does not work. This one prints every text part as 8-bit
UTF-8 with its lines whole, and the headers decoded; attachments are left as they are.
"""

from django.core.mail.backends import console


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        msg = message.message()
        for part in msg.walk():
            if part.get_content_maintype() == "text" and not part.is_multipart() and not part.is_attachment():
                part.set_content(part.get_content(), subtype=part.get_content_subtype(), cte="8bit")
        self.stream.write(msg.as_bytes(policy=msg.policy.clone(utf8=True)).decode("utf-8", "replace"))
        self.stream.write("\n" + "-" * 79 + "\n")
