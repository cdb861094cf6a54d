"""Search across everything: one box in the navigation bar finds actions, priorities,
commissioning activities, contracts, providers, participation records, meetings and decisions
by their words, each kind kept to what the person may see.

`kinds` says what each kind searches and shows, `engine` finds them, `forms` reads the box.
"""
