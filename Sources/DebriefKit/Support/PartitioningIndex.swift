extension RandomAccessCollection {
    /// The first index whose element belongs to the second part of a partitioned collection
    /// (every element for which `isInSecondPart` is false comes before every one for which it
    /// is true), or `endIndex`. A binary search: O(log n) calls of the predicate.
    /// Used as a sorted insert position, a count of events up to a time, a table lookup.
    @inlinable
    public func partitioningIndex(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
