"""The two ways a message leaves the school: e-mail over SMTP, SMS through an HTTP gateway.

Both are optional (spec section 12). A channel that is down raises `Unavailable`
(the message waits and is tried again); an address it refuses raises `Refused`
(that message fails, the others go).
"""

import contextlib
import json
import smtplib
import ssl
import urllib.error
import urllib.request
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from kiosk.reminders import rules

SMTP_TIMEOUT = 20  # seconds
SMS_TIMEOUT = 10


class Unavailable(Exception):
    """The channel cannot take messages now: try again later."""


class ChannelDown(Unavailable):
    """Nothing goes through this channel now: the run's other messages for it wait too."""


class Refused(Exception):
    """This address or number is refused: trying again will not help."""


class Channels:
    """The channels one `send-due` run uses: one SMTP connection for all its e-mails.

    After a channel fails to connect, the run's other messages for it wait without
    another try, so a server that is down costs one timeout, not one per message.
    """

    def __init__(self, config):
        self.smtp_url = config.get("KIOSK_SMTP_URL") or ""
        self.mail_from = config.get("KIOSK_MAIL_FROM") or "schoolpoort@localhost"
        self.sms_url = config.get("KIOSK_SMS_URL") or ""
        self.sms_token = config.get("KIOSK_SMS_TOKEN") or ""
        self.sms_timeout = config.get("SMS_TIMEOUT_SECONDS", SMS_TIMEOUT)  # tests wait less
        self._smtp = None
        self._down = {}

    def available(self) -> set[str]:
        """The channels that are configured: {"email", "phone"} or fewer."""
        configured = {rules.EMAIL: self.smtp_url, rules.PHONE: self.sms_url}
        return {channel for channel, url in configured.items() if url}

    def send(self, to, lang, text, link):
        channel = rules.channel_of(to)
        if channel in self._down:
            raise Unavailable(self._down[channel])
        try:
            if channel == rules.EMAIL:
                self._send_email(to, lang, text, link)
            else:
                self._send_sms(to, rules.sms_text(text, link) if link else text)
        except ChannelDown as error:
            self._down[channel] = str(error)
            raise

    def close(self):
        if self._smtp is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._smtp.quit()
            self._smtp = None

    # --- E-mail -------------------------------------------------------------------

    def _connect(self):
        url = urlsplit(self.smtp_url)
        context = ssl.create_default_context()
        try:
            if url.scheme == "smtps":
                smtp = smtplib.SMTP_SSL(
                    url.hostname, url.port or 465, timeout=SMTP_TIMEOUT, context=context
                )
            else:
                smtp = smtplib.SMTP(url.hostname, url.port or 25, timeout=SMTP_TIMEOUT)
                smtp.ehlo()
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=context)
                    smtp.ehlo()
            if url.username:
                smtp.login(unquote(url.username), unquote(url.password or ""))
        except (smtplib.SMTPException, OSError) as error:
            raise ChannelDown(f"mail server: {error}") from error
        return smtp

    def _send_email(self, to, lang, text, link):
        # EmailMessage refuses a line break in any header: nothing typed can add one.
        message = EmailMessage()
        message["From"] = self.mail_from
        message["To"] = to
        message["Subject"] = rules.email_subject(text)
        message["Content-Language"] = lang
        message.set_content(rules.email_body(text, link) if link else text + "\n")
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _reply in error.recipients.values()]
            if all(code >= 500 for code in codes):
                raise Refused(f"mail server refused {to}: {codes}") from error
            raise Unavailable(f"mail server: {codes}") from error
        except smtplib.SMTPDataError as error:
            if error.smtp_code >= 500:
                raise Refused(f"mail server refused the message: {error.smtp_code}") from error
            raise Unavailable(f"mail server: {error.smtp_code}") from error
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            raise ChannelDown(f"mail server: {error}") from error

    # --- SMS ----------------------------------------------------------------------

    def _send_sms(self, to, text):
        body = json.dumps({"to": to, "text": text}).encode()
        post = urllib.request.Request(
            self.sms_url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.sms_token}",
            },
        )
        try:
            with urllib.request.urlopen(post, timeout=self.sms_timeout) as answer:
                answer.read()
        except urllib.error.HTTPError as error:
            if 400 <= error.code < 500 and error.code not in (408, 429):
                raise Refused(f"SMS gateway refused {to}: {error.code}") from error
            raise ChannelDown(f"SMS gateway: {error.code}") from error
        except (urllib.error.URLError, OSError) as error:  # also a timeout
            raise ChannelDown(f"SMS gateway: {error}") from error
