"""glossary/search"""
