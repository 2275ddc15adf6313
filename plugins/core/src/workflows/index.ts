// Public workflows of @fission/core, imported by other plugins as `@fission/core/workflows`.
