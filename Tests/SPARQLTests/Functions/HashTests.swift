import RDF
import Testing

@testable import SPARQL

@Suite("Hash functions")
struct HashTests {
    private static let longMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    private static let longerMessage =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    @Test(
        "known vectors (FIPS 180 examples, RFC 1321, W3C hash tests)",
        arguments: [
            ("MD5", "abc", "900150983cd24fb0d6963f7d28e17f72"), ("MD5", "", "d41d8cd98f00b204e9800998ecf8427e"),
            ("MD5", "foo", "acbd18db4cc2f85cedef654fccc4a4d8"), ("MD5", "食べ物", "e7ada485d13b1decf628c9211bc3a97b"),
            ("MD5", longMessage, "8215ef0796a20bcaaae116d3876c664a"),
            ("MD5", String(repeating: "a", count: 200), "887f30b43b2867f4a9accceee7d16e6c"),
            ("SHA1", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d"), ("SHA1", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("SHA1", "foo", "0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33"), ("SHA1", "食", "d46696735b6a09ff407bfc1a9407e008840db9c9"),
            ("SHA1", longMessage, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
            ("SHA256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("SHA256", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("SHA256", "foo", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"),
            ("SHA256", "食", "0fbe868d1df356ca9df7ebff346da3a56280e059a7ea81186ef885b140d254ee"),
            ("SHA256", longMessage, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("SHA384", "abc", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
            ("SHA384", "", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
            ("SHA384", "foo", "98c11ffdfdd540676b1a137cb1a22b2a70350c9a44171d6b1180c6be5cbb2ee3f79d532c8a1dd9ef2e8e08e752a3babb"),
            ("SHA384", longerMessage, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
            (
                "SHA512", "abc",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
            ),
            (
                "SHA512", "",
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                    + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
            ),
            (
                "SHA512", "食",
                "b433ed0e60c818bea72d3aa1a43db89b3ed2b624597407b7912bbb7685f2e45a"
                    + "e5500e092da5f938391d282b26bc43e4035b12460c93ab5e2e1a05d582331d85"
            ),
            (
                "SHA512", longerMessage,
                "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                    + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
            ),
        ]
    )
    func vectors(function: String, message: String, digest: String) throws {
        #expect(try Fn.call(function, Fn.str(message)) == Fn.str(digest))
        #expect(try Fn.call(function, Fn.xsd(message, "string")) == Fn.str(digest))
    }

    @Test func paddingBoundaries() throws {
        // Messages around the 55/56/64-byte padding edges must still hash; compare SHA-384 against its SHA-512 core.
        for length in [55, 56, 63, 64, 111, 112, 127, 128] {
            let message = [UInt8](repeating: 0x61, count: length)
            #expect(SHA2.sha384(message).count == 48)
            #expect(SHA2.sha512(message).count == 64)
            #expect(MD5.hash(message).count == 16)
            #expect(SHA1.hash(message).count == 20)
        }
        #expect(HashPadding.hex(SHA1.hash(Array(String(repeating: "a", count: 64).utf8))) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
    }

    @Test func argumentsMustBeSimpleStrings() {
        for function in ["MD5", "SHA1", "SHA256", "SHA384", "SHA512"] {
            #expect(Fn.error(function, Fn.lang("abc", "en")) != nil)
            #expect(Fn.error(function, Fn.int("1")) != nil)
            #expect(Fn.error(function, Fn.iri("http://example/")) != nil)
        }
    }
}
