// Package mongo is a test stub of go.mongodb.org/mongo-driver/mongo.
package mongo

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var ErrNoDocuments = errors.New("mongo: no documents in result")

func IsDuplicateKeyError(err error) bool { return false }

type Pipeline []bson.D

// Client.

type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) {
	panic("stub")
}

func NewClient(opts ...*options.ClientOptions) (*Client, error) { panic("stub") }

func (c *Client) Connect(ctx context.Context) error { return nil }

func (c *Client) Disconnect(ctx context.Context) error { return nil }

func (c *Client) Database(name string, opts ...*options.DatabaseOptions) *Database {
	return &Database{}
}

func (c *Client) StartSession(opts ...*options.SessionOptions) (Session, error) { panic("stub") }

func (c *Client) UseSession(ctx context.Context, fn func(SessionContext) error) error { return nil }

func (c *Client) UseSessionWithOptions(ctx context.Context, opts *options.SessionOptions, fn func(SessionContext) error) error {
	return nil
}

// Database.

type Database struct{}

func (db *Database) Client() *Client { return &Client{} }

func (db *Database) Name() string { return "" }

func (db *Database) Collection(name string, opts ...*options.CollectionOptions) *Collection {
	return &Collection{}
}

// Collection.

type Collection struct{}

func (coll *Collection) Name() string { return "" }

func (coll *Collection) Database() *Database { return &Database{} }

func (coll *Collection) BulkWrite(ctx context.Context, models []WriteModel,
	opts ...*options.BulkWriteOptions) (*BulkWriteResult, error) {
	panic("stub")
}

func (coll *Collection) InsertOne(ctx context.Context, document interface{},
	opts ...*options.InsertOneOptions) (*InsertOneResult, error) {
	panic("stub")
}

func (coll *Collection) InsertMany(ctx context.Context, documents []interface{},
	opts ...*options.InsertManyOptions) (*InsertManyResult, error) {
	panic("stub")
}

func (coll *Collection) DeleteOne(ctx context.Context, filter interface{},
	opts ...*options.DeleteOptions) (*DeleteResult, error) {
	panic("stub")
}

func (coll *Collection) DeleteMany(ctx context.Context, filter interface{},
	opts ...*options.DeleteOptions) (*DeleteResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateByID(ctx context.Context, id interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateOne(ctx context.Context, filter interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) UpdateMany(ctx context.Context, filter interface{}, update interface{},
	opts ...*options.UpdateOptions) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) ReplaceOne(ctx context.Context, filter interface{},
	replacement interface{}, opts ...*options.ReplaceOptions) (*UpdateResult, error) {
	panic("stub")
}

func (coll *Collection) CountDocuments(ctx context.Context, filter interface{},
	opts ...*options.CountOptions) (int64, error) {
	panic("stub")
}

func (coll *Collection) Find(ctx context.Context, filter interface{},
	opts ...*options.FindOptions) (cur *Cursor, err error) {
	panic("stub")
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...*options.FindOneOptions) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndReplace(ctx context.Context, filter interface{},
	replacement interface{}, opts ...*options.FindOneAndReplaceOptions) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndUpdate(ctx context.Context, filter interface{},
	update interface{}, opts ...*options.FindOneAndUpdateOptions) *SingleResult {
	panic("stub")
}

func (coll *Collection) FindOneAndDelete(ctx context.Context, filter interface{},
	opts ...*options.FindOneAndDeleteOptions) *SingleResult {
	panic("stub")
}

// Results.

type BulkWriteResult struct {
	InsertedCount int64
	MatchedCount  int64
	ModifiedCount int64
	DeletedCount  int64
	UpsertedCount int64
	UpsertedIDs   map[int64]interface{}
}

type InsertOneResult struct {
	InsertedID interface{}
}

type InsertManyResult struct {
	InsertedIDs []interface{}
}

type DeleteResult struct {
	DeletedCount int64 `bson:"n"`
}

type UpdateResult struct {
	MatchedCount  int64
	ModifiedCount int64
	UpsertedCount int64
	UpsertedID    interface{}
}

type SingleResult struct {
	err error
}

func (sr *SingleResult) Decode(v interface{}) error { return sr.err }

func (sr *SingleResult) Raw() (bson.Raw, error) { return nil, sr.err }

func (sr *SingleResult) DecodeBytes() (bson.Raw, error) { return nil, sr.err }

func (sr *SingleResult) Err() error { return sr.err }

type Cursor struct {
	Current bson.Raw
}

func (c *Cursor) ID() int64 { return 0 }

func (c *Cursor) Next(ctx context.Context) bool { return false }

func (c *Cursor) TryNext(ctx context.Context) bool { return false }

func (c *Cursor) Decode(val interface{}) error { return nil }

func (c *Cursor) Err() error { return nil }

func (c *Cursor) Close(ctx context.Context) error { return nil }

func (c *Cursor) All(ctx context.Context, results interface{}) error { return nil }

func (c *Cursor) RemainingBatchLength() int { return 0 }

// Bulk write models.

type WriteModel interface {
	writeModel()
}

type InsertOneModel struct {
	Document interface{}
}

func NewInsertOneModel() *InsertOneModel { return &InsertOneModel{} }

func (iom *InsertOneModel) SetDocument(doc interface{}) *InsertOneModel { return iom }

func (*InsertOneModel) writeModel() {}

type DeleteOneModel struct {
	Filter    interface{}
	Collation *options.Collation
	Hint      interface{}
}

func NewDeleteOneModel() *DeleteOneModel { return &DeleteOneModel{} }

func (dom *DeleteOneModel) SetFilter(filter interface{}) *DeleteOneModel { return dom }

func (dom *DeleteOneModel) SetCollation(collation *options.Collation) *DeleteOneModel { return dom }

func (dom *DeleteOneModel) SetHint(hint interface{}) *DeleteOneModel { return dom }

func (*DeleteOneModel) writeModel() {}

type DeleteManyModel struct {
	Filter    interface{}
	Collation *options.Collation
	Hint      interface{}
}

func NewDeleteManyModel() *DeleteManyModel { return &DeleteManyModel{} }

func (dmm *DeleteManyModel) SetFilter(filter interface{}) *DeleteManyModel { return dmm }

func (dmm *DeleteManyModel) SetCollation(collation *options.Collation) *DeleteManyModel {
	return dmm
}

func (dmm *DeleteManyModel) SetHint(hint interface{}) *DeleteManyModel { return dmm }

func (*DeleteManyModel) writeModel() {}

type ReplaceOneModel struct {
	Collation   *options.Collation
	Upsert      *bool
	Filter      interface{}
	Replacement interface{}
	Hint        interface{}
}

func NewReplaceOneModel() *ReplaceOneModel { return &ReplaceOneModel{} }

func (rom *ReplaceOneModel) SetHint(hint interface{}) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetFilter(filter interface{}) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetReplacement(rep interface{}) *ReplaceOneModel { return rom }

func (rom *ReplaceOneModel) SetCollation(collation *options.Collation) *ReplaceOneModel {
	return rom
}

func (rom *ReplaceOneModel) SetUpsert(upsert bool) *ReplaceOneModel { return rom }

func (*ReplaceOneModel) writeModel() {}

type UpdateOneModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       interface{}
	Update       interface{}
	ArrayFilters *options.ArrayFilters
	Hint         interface{}
}

func NewUpdateOneModel() *UpdateOneModel { return &UpdateOneModel{} }

func (uom *UpdateOneModel) SetHint(hint interface{}) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetFilter(filter interface{}) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetUpdate(update interface{}) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetArrayFilters(filters options.ArrayFilters) *UpdateOneModel {
	return uom
}

func (uom *UpdateOneModel) SetCollation(collation *options.Collation) *UpdateOneModel { return uom }

func (uom *UpdateOneModel) SetUpsert(upsert bool) *UpdateOneModel { return uom }

func (*UpdateOneModel) writeModel() {}

type UpdateManyModel struct {
	Collation    *options.Collation
	Upsert       *bool
	Filter       interface{}
	Update       interface{}
	ArrayFilters *options.ArrayFilters
	Hint         interface{}
}

func NewUpdateManyModel() *UpdateManyModel { return &UpdateManyModel{} }

func (umm *UpdateManyModel) SetHint(hint interface{}) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetFilter(filter interface{}) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetUpdate(update interface{}) *UpdateManyModel { return umm }

func (umm *UpdateManyModel) SetArrayFilters(filters options.ArrayFilters) *UpdateManyModel {
	return umm
}

func (umm *UpdateManyModel) SetCollation(collation *options.Collation) *UpdateManyModel {
	return umm
}

func (umm *UpdateManyModel) SetUpsert(upsert bool) *UpdateManyModel { return umm }

func (*UpdateManyModel) writeModel() {}

// Sessions.

type SessionContext interface {
	context.Context
	Session
}

type Session interface {
	StartTransaction(...*options.TransactionOptions) error
	AbortTransaction(context.Context) error
	CommitTransaction(context.Context) error
	WithTransaction(ctx context.Context, fn func(ctx SessionContext) (interface{}, error),
		opts ...*options.TransactionOptions) (interface{}, error)
	EndSession(context.Context)
	ClusterTime() bson.Raw
	OperationTime() *primitive.Timestamp
	Client() *Client
	ID() bson.Raw
	AdvanceClusterTime(bson.Raw) error
	AdvanceOperationTime(*primitive.Timestamp) error

	session()
}

func NewSessionContext(ctx context.Context, sess Session) SessionContext { panic("stub") }

func SessionFromContext(ctx context.Context) Session { return nil }

func WithSession(ctx context.Context, sess Session, fn func(SessionContext) error) error {
	return nil
}
