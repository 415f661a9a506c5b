// A map keeps one value type.
BEGIN { @last = 1; }
END { @last = comm; }
