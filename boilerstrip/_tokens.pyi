from array import array

from boilerstrip.triggers import LineTokens as LineTokens

VERSION: int

def cut(text: str, spans: array[int]) -> str: ...
