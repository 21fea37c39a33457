"""Word pre-reads, the stakeholder worksheet and imports/exports; imports no Qt."""
