"""Notifications: each person hears of the events that concern them, in the app and by email.

`services.notify` records one notification per recipient of an event (never twice for the same
event); `emails` sends them at once or in a weekly digest as each person chose; the pages
(`views`) list them, open them and keep the choices. The kinds of event and their default
delivery are the table `KINDS` in `services`.
"""
