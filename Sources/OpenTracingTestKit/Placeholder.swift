// Placeholder: OpenTracingTestKit is built in a later change.
