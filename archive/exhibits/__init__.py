"""What leaves the vault: court packages (BagIt), their check, the PDF report, and
publication copies."""
