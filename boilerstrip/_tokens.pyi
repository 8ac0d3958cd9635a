from boilerstrip.triggers import LineTokens as LineTokens

VERSION: int
