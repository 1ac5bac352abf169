"""Mail intake adapters: the mail-in SMTP server, IMAP polling and the credential cipher."""
