namespace Evident.Data;
