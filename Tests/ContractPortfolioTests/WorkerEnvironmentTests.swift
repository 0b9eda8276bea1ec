import ContractPortfolio
import Testing

@Suite struct WorkerEnvironmentTests {
    @Test func addsTheCacheSizeToTheTunables() {
        let tuning = "GLIBC_TUNABLES=" + WorkerEnvironment.tcacheCount
        // none set: added, the rest kept in order
        #expect(WorkerEnvironment.tuned(["PATH=/bin", "HOME=/root"]) == ["PATH=/bin", "HOME=/root", tuning])
        #expect(WorkerEnvironment.tuned([]) == [tuning])
        // others set: appended to them, in place
        #expect(
            WorkerEnvironment.tuned(["A=1", "GLIBC_TUNABLES=glibc.malloc.mxfast=64", "B=2"])
                == ["A=1", "GLIBC_TUNABLES=glibc.malloc.mxfast=64:" + WorkerEnvironment.tcacheCount, "B=2"])
        #expect(WorkerEnvironment.tuned(["GLIBC_TUNABLES="]) == [tuning])
        // the user's own cache size wins
        let own = ["GLIBC_TUNABLES=glibc.malloc.tcache_count=0:glibc.malloc.mxfast=64"]
        #expect(WorkerEnvironment.tuned(own) == own)
        // a variable that only begins like it is another variable
        #expect(WorkerEnvironment.tuned(["GLIBC_TUNABLES_X=1"]) == ["GLIBC_TUNABLES_X=1", tuning])
    }
}
