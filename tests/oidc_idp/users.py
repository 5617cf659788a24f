"""The test provider's users, clients and client secret; plain data, read by both sides of the tests."""

CLIENT_SECRET = "portal-client-secret"
PASSWORD = "state login password"
USERS = {
    # username: (email, given name, family name)
    "jose": ("jose@example.com", "José", "García"),
    "maria": ("maria@example.com", "María", "Santos"),
}
# The subject (`sub`) of jose's ID tokens: his user id at the provider, the first one made.
JOSE_SUB = "1"
# One client per provider the portal's tests configure (a client ID names one provider's app).
CLIENTS = ("ma-login", "login-mass-gov", "wrong-audience", "expired", "forged-keys")
