"""English dates written out in full ("November 30, 2026"), not abbreviated ("Nov. 30, 2026"):
plainer to read. Spanish uses Django's own ("30 de noviembre de 2026")."""

DATE_FORMAT = "F j, Y"
