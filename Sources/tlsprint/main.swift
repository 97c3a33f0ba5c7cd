print("tlsprint")
