"""glossary/termbase"""
