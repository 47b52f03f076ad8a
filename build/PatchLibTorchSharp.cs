// Compiled twice: by MSBuild's RoslynCodeTaskFactory (as the PatchLibTorchSharp task) and by the
// test project (EEBENCH_TESTS defined) to test the ELF logic on its own.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
#if !EEBENCH_TESTS
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace EarlyExitBench.Build
{
#if !EEBENCH_TESTS
    /// <summary>
    /// TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one unused symbol; older
    /// systems (Debian 12: GCC 12, up to 3.4.30) then refuse to load it. Where the system libstdc++
    /// lacks a version the library needs, mark that requirement weak in the build-output copy.
    /// </summary>
    public sealed class PatchLibTorchSharp : Task
    {
        [Required]
        public string Library { get; set; } = "";

        public string NuGetPackageRoot { get; set; } = "";

        public string StdCxxPath { get; set; } = "";

        public override bool Execute()
        {
            if (!File.Exists(Library))
            {
                return true;
            }

            var full = Path.GetFullPath(Library);
            if (NuGetPackageRoot.Length > 0 && full.StartsWith(Path.GetFullPath(NuGetPackageRoot), StringComparison.Ordinal))
            {
                Log.LogError($"Refusing to patch {full}: it is inside the NuGet cache.");
                return false;
            }

            var stdcxx = StdCxxPath.Length > 0 ? StdCxxPath : ElfVersions.FindSystemStdCxx();
            if (stdcxx is null)
            {
                Log.LogMessage(MessageImportance.Normal, "No system libstdc++.so.6 found; leaving libLibTorchSharp.so as it is.");
                return true;
            }

            var provided = ElfVersions.DefinedVersions(File.ReadAllBytes(stdcxx));
            var image = File.ReadAllBytes(full);
            var missing = ElfVersions.NeededVersions(image, "libstdc++.so.6")
                .Where(v => !v.Weak && !provided.Contains(v.Name))
                .Select(v => v.Name)
                .ToList();
            if (missing.Count == 0)
            {
                Log.LogMessage(MessageImportance.Low, $"{stdcxx} provides every version libLibTorchSharp.so needs.");
                return true;
            }

            ElfVersions.MarkWeak(image, "libstdc++.so.6", new HashSet<string>(missing));
            // Write a new file and rename over the old one so a hard link into the cache is never written through.
            var temp = full + ".patching";
            File.WriteAllBytes(temp, image);
            File.Delete(full);
            File.Move(temp, full);
            Log.LogMessage(MessageImportance.High, $"Patched {full}: marked {string.Join(", ", missing)} weak ({stdcxx} lacks them).");
            return true;
        }
    }
#endif

    /// <summary>Reads and edits the symbol-version sections of a little-endian ELF64 shared object.</summary>
    public static class ElfVersions
    {
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlgWeak = 0x2;

        public sealed class Needed
        {
            public Needed(string file, string name, bool weak, int flagsOffset)
            {
                File = file;
                Name = name;
                Weak = weak;
                FlagsOffset = flagsOffset;
            }

            public string File { get; }

            public string Name { get; }

            public bool Weak { get; }

            public int FlagsOffset { get; }
        }

        public static string? FindSystemStdCxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
                "/usr/lib64/libstdc++.so.6",
                "/lib64/libstdc++.so.6",
                "/usr/lib/libstdc++.so.6",
            };
            return candidates.FirstOrDefault(File.Exists);
        }

        public static HashSet<string> DefinedVersions(byte[] elf)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerdef))
            {
                var entry = offset;
                for (var i = 0; i < count; i++)
                {
                    var cnt = U16(elf, entry + 6);
                    var aux = entry + (int)U32(elf, entry + 12);
                    for (var j = 0; j < cnt; j++)
                    {
                        names.Add(Str(elf, strtab + (int)U32(elf, aux)));
                        aux += (int)U32(elf, aux + 4);
                    }

                    var next = U32(elf, entry + 16);
                    if (next == 0)
                    {
                        break;
                    }

                    entry += (int)next;
                }
            }

            return names;
        }

        public static List<Needed> NeededVersions(byte[] elf, string? file = null)
        {
            var result = new List<Needed>();
            foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerneed))
            {
                var entry = offset;
                for (var i = 0; i < count; i++)
                {
                    var cnt = U16(elf, entry + 2);
                    var fileName = Str(elf, strtab + (int)U32(elf, entry + 4));
                    var aux = entry + (int)U32(elf, entry + 8);
                    for (var j = 0; j < cnt; j++)
                    {
                        var flags = U16(elf, aux + 4);
                        var name = Str(elf, strtab + (int)U32(elf, aux + 8));
                        if (file is null || file == fileName)
                        {
                            result.Add(new Needed(fileName, name, (flags & VerFlgWeak) != 0, aux + 4));
                        }

                        aux += (int)U32(elf, aux + 12);
                    }

                    var next = U32(elf, entry + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    entry += (int)next;
                }
            }

            return result;
        }

        /// <summary>Sets VER_FLG_WEAK on the requirements of <paramref name="file"/> named in <paramref name="versions"/>; returns how many changed.</summary>
        public static int MarkWeak(byte[] elf, string file, ISet<string> versions)
        {
            var changed = 0;
            foreach (var needed in NeededVersions(elf, file))
            {
                if (!needed.Weak && versions.Contains(needed.Name))
                {
                    var flags = (ushort)(U16(elf, needed.FlagsOffset) | VerFlgWeak);
                    elf[needed.FlagsOffset] = (byte)(flags & 0xff);
                    elf[needed.FlagsOffset + 1] = (byte)(flags >> 8);
                    changed++;
                }
            }

            return changed;
        }

        private static IEnumerable<(int Offset, int Count, int StringTable)> Sections(byte[] elf, uint type)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException("Not an ELF file.");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException("Only little-endian ELF64 is supported.");
            }

            var shoff = (int)U64(elf, 0x28);
            var shentsize = U16(elf, 0x3A);
            var shnum = U16(elf, 0x3C);
            for (var i = 0; i < shnum; i++)
            {
                var sh = shoff + (i * shentsize);
                if (U32(elf, sh + 4) != type)
                {
                    continue;
                }

                var link = (int)U32(elf, sh + 0x28);
                var strtab = (int)U64(elf, shoff + (link * shentsize) + 0x18);
                yield return ((int)U64(elf, sh + 0x18), (int)U32(elf, sh + 0x2C), strtab);
            }
        }

        private static ushort U16(byte[] b, int o) => (ushort)(b[o] | (b[o + 1] << 8));

        private static uint U32(byte[] b, int o) => BitConverter.ToUInt32(b, o);

        private static ulong U64(byte[] b, int o) => BitConverter.ToUInt64(b, o);

        private static string Str(byte[] b, int o)
        {
            var end = Array.IndexOf(b, (byte)0, o);
            return Encoding.ASCII.GetString(b, o, end - o);
        }
    }
}
