"""File > Import, File > Export and Tools > Find Duplicates: dialogs over db.interchange.

The dialogs run no SQL: every read, check and write goes through the window's
database worker; imports and merges land on the undo stack as one step each.
"""
