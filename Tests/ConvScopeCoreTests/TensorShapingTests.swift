import Testing

@testable import ConvScopeCore

/// Shaping primitives checked against values worked out by hand from NumPy's rules.
@Suite struct TensorShapingTests {
    let a = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])

    @Test func transposeMovesRowsToColumns() {
        #expect(a.transposed() == Tensor(shape: [3, 2], scalars: [0, 3, 1, 4, 2, 5]))
    }

    @Test func flipReversesOneAxis() {
        #expect(a.flipped(axes: [1]) == Tensor(shape: [2, 3], scalars: [2, 1, 0, 5, 4, 3]))
        #expect(a.flipped(axes: [0, 1]) == Tensor(shape: [2, 3], scalars: [5, 4, 3, 2, 1, 0]))
    }

    @Test func stridedSliceKeepsEveryKth() {
        let row = Tensor([0, 1, 2, 3, 4, 5, 6])
        #expect(row.sliced([.every(3)]) == Tensor([0, 3, 6]))
        #expect(row.sliced([AxisSlice(start: 1, stop: 6, step: 2)]) == Tensor([1, 3, 5]))
    }

    @Test func padThenCropIsIdentity() {
        let padded = a.padded([(1, 0), (2, 1)])
        #expect(padded.shape == [3, 6])
        #expect(padded[1, 2] == 0 && padded[2, 4] == 5 && padded[0, 3] == 0)
        #expect(padded.cropped([(1, 0), (2, 1)]) == a)
    }

    @Test func sumOverAxes() {
        #expect(a.sum(axes: [0]) == Tensor([3, 5, 7]))
        #expect(a.sum(axes: [1]) == Tensor([3, 12]))
        #expect(a.sum(axes: [0, 1]) == Tensor(scalar: 15))
    }

    @Test func tensordotMatchesMatrixProduct() {
        let b = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        // [[0,1,2],[3,4,5]] · [[1,2],[3,4],[5,6]] = [[13,16],[40,52]]
        #expect(tensordot(a, b, axes: 1) == Tensor(shape: [2, 2], scalars: [13, 16, 40, 52]))
        #expect(tensordot(a, a, axes: ([0, 1], [0, 1])) == Tensor(scalar: 55))
    }

    @Test func kronWithOneHotUpsamples() {
        let k = kron(Tensor([1, 2, 3]), Tensor([1, 0]))
        #expect(k == Tensor([1, 0, 2, 0, 3, 0]))
    }
}
