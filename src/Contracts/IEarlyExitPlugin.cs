namespace EarlyExitBench.Contracts;

/// <summary>
/// Entry point of a plugin assembly. The host creates every public, non-abstract implementation
/// with a parameterless constructor and calls <see cref="Register"/> once.
/// </summary>
public interface IEarlyExitPlugin
{
    /// <summary>Registers this assembly's implementations under their aliases.</summary>
    /// <param name="registrar">Where to register; aliases are unique per plugin kind across all plugins.</param>
    void Register(IPluginRegistrar registrar);
}
