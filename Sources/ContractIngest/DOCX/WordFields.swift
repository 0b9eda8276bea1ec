/// Word's complex fields (`w:fldChar` begin, separate, end) as a paragraph is
/// walked: what lies between begin and separate is the field's code and is not
/// shown; what follows separate is its result. Fields nest.
package struct WordFields {
    /// Open fields: `true` once past separate (showing the result).
    private var open: [Bool] = []
    private var codeDepth = 0

    package init() {}

    /// Whether text here is shown (not inside any field's code).
    package var showing: Bool { codeDepth == 0 }

    /// Follows a `w:fldChar` with this `w:fldCharType`.
    package mutating func mark(_ type: String?) {
        switch type {
        case "begin":
            open.append(false)
            codeDepth += 1
        case "separate":
            if let last = open.last, !last {
                open[open.count - 1] = true
                codeDepth -= 1
            }
        case "end":
            if let last = open.popLast(), !last { codeDepth -= 1 }
        default: break
        }
    }
}
