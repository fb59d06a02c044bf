"""glossary/tools"""
