"""The forward plan: the key decisions a board expects to take, published 28 days ahead."""
