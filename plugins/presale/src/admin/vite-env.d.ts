declare const __BACKEND_URL__: string | undefined
declare const __AUTH_TYPE__: string | undefined
