"""Qt item models over ``db.reads`` read objects."""
