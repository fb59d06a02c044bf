"""web/present"""
