print("otlp-export")
