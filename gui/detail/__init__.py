"""The detail pane: the whole of one record, with every linked record a link."""
