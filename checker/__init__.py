"""claimcheck: extract claims from news articles and flag the ones that cannot all be true."""

__version__ = "0.1.0"
