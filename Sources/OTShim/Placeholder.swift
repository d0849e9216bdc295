// Placeholder: OTShim is built in a later change.
