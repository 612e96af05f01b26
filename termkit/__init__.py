"""termkit: Chinese-first terminology mining, checking and zh-en alignment for UN documents."""

__version__ = "0.1.0"
