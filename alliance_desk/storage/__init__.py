"""Opening and creating the encrypted portfolio file, passphrases, migrations, backups, locks."""
