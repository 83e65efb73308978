namespace Evident.Design;
