"""Messages written by Python's email.message.EmailMessage with policy.SMTP
(non-ASCII names and subjects, long subjects, several recipients, HTML
alternatives, attachments) get no MSG, MIME or MID finding: correct mail from
a mainstream library must lint clean of format defects."""

from __future__ import annotations

import email.policy
import email.utils
from email.message import EmailMessage
from email.headerregistry import Address

import pytest

import inboxlint

FORMAT_RULES = ("MSG", "MIME", "MID")


def build(subject: str, sender: Address, to: list, text: str, html: str = "", attach: bytes = b"") -> bytes:  # type: ignore[type-arg]
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(1772697600, localtime=False)
    msg["Message-ID"] = email.utils.make_msgid(idstring="lint", domain="mail.example.org")
    msg.set_content(text)
    if html:
        msg.add_alternative(html, subtype="html")
    if attach:
        msg.add_attachment(attach, maintype="application", subtype="octet-stream", filename="données.bin")
    return msg.as_bytes()


CASES = {
    "ascii": ("Your order is confirmed", Address("Shop", "orders", "shop.example"), "Thanks!", ""),
    "non-ascii-name": ("Bestätigung", Address("Bäckerei Müller", "info", "baeckerei.example"), "Danke schön!", ""),
    "cjk-subject": ("ご注文ありがとうございます", Address("店舗", "shop", "shop.example"), "ありがとうございます。", ""),
    "emoji": ("Sale 🎉 today only", Address("Deals 🎁", "deals", "shop.example"), "🎉🎉🎉", ""),
    "long-subject": ("A very long subject line " * 12, Address("Shop", "news", "shop.example"), "Text " * 400, ""),
    "html": ("Newsletter", Address("Shop", "news", "shop.example"),
             "Our spring menu is here: rye bread, cardamom buns and lemon tart.\nhttps://shop.example/menu\n",
             "<html><body><p>Our spring menu is here: rye bread, cardamom buns and "
             "<a href='https://shop.example/menu'>lemon tart</a>.</p></body></html>"),
    "long-lines": ("Long lines", Address("Shop", "news", "shop.example"), "x" * 5000 + "\n" + "é" * 3000, ""),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_policy_smtp_messages_have_no_format_findings(case: str) -> None:
    subject, sender, text, html = CASES[case]
    recipients = [Address("Robin Vale", "robin.vale", "example.org"), Address("Sam, Jr.", "sam", "example.org"),
                  Address("Zoë", "zoe", "example.net")]
    data = build(subject, sender, recipients, text, html, attach=b"\x00\x01binary" if case == "html" else b"")
    report = inboxlint.lint(data)
    bad = [f for f in report.findings if f.rule.startswith(FORMAT_RULES)]
    assert not bad, report.to_text()
