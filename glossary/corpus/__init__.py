"""The source texts of the bundled term base, with the code that derives their citable sentence files."""
