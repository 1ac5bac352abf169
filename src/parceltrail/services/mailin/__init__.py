"""Parcels that add themselves: shipping e-mails forwarded to a user's mail-in address or read from a
connected IMAP mailbox are understood (`understand`) and become trackings, once (`intake`)."""
