import ContractPortfolio
import Testing

@Suite struct WorkerEnvironmentTests {
    /// Workers get glibc's larger per-thread cache of freed blocks; a cache size the user chose stays.
    @Test func raisesTheAllocatorsCacheAndKeepsTheUsersTunables() {
        let cache = "glibc.malloc.tcache_count=1000"
        #expect(WorkerEnvironment.adding(to: ["PATH=/bin"]) == ["PATH=/bin", "GLIBC_TUNABLES=" + cache])
        #expect(WorkerEnvironment.adding(to: []) == ["GLIBC_TUNABLES=" + cache])
        #expect(
            WorkerEnvironment.adding(to: ["GLIBC_TUNABLES=glibc.malloc.mxfast=64", "HOME=/root"])
                == ["GLIBC_TUNABLES=glibc.malloc.mxfast=64:" + cache, "HOME=/root"])
        #expect(WorkerEnvironment.adding(to: ["GLIBC_TUNABLES="]) == ["GLIBC_TUNABLES=" + cache])
        #expect(
            WorkerEnvironment.adding(to: ["GLIBC_TUNABLES=glibc.malloc.tcache_count=7"]) == ["GLIBC_TUNABLES=glibc.malloc.tcache_count=7"])
        // a variable that only ends with the name is not it
        #expect(WorkerEnvironment.adding(to: ["MY_GLIBC_TUNABLES=x"]) == ["MY_GLIBC_TUNABLES=x", "GLIBC_TUNABLES=" + cache])
    }
}
