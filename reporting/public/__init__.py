"""The partnership's public pages: what anyone may read without signing in (README, "Public
pages"). Every view here is a `core.public.public_page` and renders without the request."""
