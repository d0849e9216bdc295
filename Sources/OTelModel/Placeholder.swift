// Placeholder: OTelModel is built in a later change.
