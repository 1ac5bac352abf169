"""Notifications: subscriptions, the outbox's delivery channels (webhooks, e-mail, Apprise) and signing.

Notifications are written to the outbox (`engine.outbox`) in the same transaction as the events that cause
them; a dispatcher delivers them at least once, in order per shipment, through the modules here.
"""
