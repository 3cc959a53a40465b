"""One page per section: lists with filters beside a detail pane."""
