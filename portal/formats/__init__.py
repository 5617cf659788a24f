"""Date and number formats for languages whose Django locale is missing or does not fit the plan's members."""
