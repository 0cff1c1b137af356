# setup
import math

def area(r):
    return math.pi * r ** 2
# end
