"""Text layer: decoding, source maps, PDF repair and the normalization key."""
